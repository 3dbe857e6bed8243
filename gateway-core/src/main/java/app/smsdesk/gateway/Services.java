package app.smsdesk.gateway;

import app.smsdesk.gateway.mobile.PairingService;
import app.smsdesk.gateway.service.AccountService;
import app.smsdesk.gateway.service.BackupService;
import app.smsdesk.gateway.service.DeviceEvents;
import app.smsdesk.gateway.service.DeviceService;
import app.smsdesk.gateway.service.EventLogService;
import app.smsdesk.gateway.service.GatewaySettingsService;
import app.smsdesk.gateway.service.HealthService;
import app.smsdesk.gateway.service.InboxService;
import app.smsdesk.gateway.service.MessageService;
import app.smsdesk.gateway.service.PrivateTokenService;
import app.smsdesk.gateway.service.SettingsService;
import app.smsdesk.gateway.service.TokenService;
import app.smsdesk.gateway.service.WebhookService;

/** The in-process API (what the console uses); the only way anything changes state. */
public record Services(AccountService accounts, TokenService tokens, MessageService messages, DeviceService devices,
                       WebhookService webhooks, SettingsService settings, InboxService inbox,
                       EventLogService events, GatewaySettingsService gatewaySettings, HealthService health,
                       DeviceEvents deviceEvents, PairingService pairing, BackupService backups,
                       PrivateTokenService privateTokens) {
}
