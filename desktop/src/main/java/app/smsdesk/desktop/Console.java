package app.smsdesk.desktop;

import app.smsdesk.desktop.shell.Tray;
import app.smsdesk.desktop.task.TaskRunner;
import app.smsdesk.desktop.ui.Clipboard;
import app.smsdesk.desktop.ui.DialogService;
import app.smsdesk.gateway.Services;
import app.smsdesk.gateway.domain.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What every screen's view model is given: the embedded gateway's services, who the console acts as, and the
 * console's task runner, dialogs, clipboard and clock.
 *
 * @param services the gateway's in-process API
 * @param principal the primary account, as the console
 * @param tasks runs every gateway call off the FX thread
 * @param dialogs alerts, confirmations and errors
 * @param clipboard the system clipboard
 * @param clock the gateway's clock (expiry and "last seen" agree with it)
 * @param zone the zone times are shown in
 * @param gateway addresses and keys of the running gateway
 * @param preferences the console's own choices for this user (theme, keep running in background)
 * @param tray the system tray, for running in the background
 */
public record Console(Services services, Principal principal, TaskRunner tasks, DialogService dialogs,
                      Clipboard clipboard, Clock clock, ZoneId zone, GatewayInfo gateway,
                      ConsolePreferences preferences, Tray tray) {
    public Instant now() {
        return clock.instant();
    }
}
