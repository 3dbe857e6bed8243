package app.smsdesk.desktop.page.messages;

import app.smsdesk.desktop.task.TaskRunner;
import app.smsdesk.gateway.domain.MessageQuery;
import app.smsdesk.gateway.domain.OutgoingMessage;
import app.smsdesk.gateway.domain.Principal;
import app.smsdesk.gateway.domain.RecipientState;
import app.smsdesk.gateway.service.MessageService;
import app.smsdesk.gateway.domain.Page;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes every message matching a filter to CSV, page by page. Pages are walked by creation time (newest
 * first) with a small offset inside one millisecond, so a million messages never mean a deep OFFSET scan.
 */
public final class MessageExporter {
    static final int PAGE = MessageService.MAX_LIST_LIMIT;

    private MessageExporter() {
    }

    /** Returns how many messages were written (fewer than matched if cancelled). */
    public static long export(MessageService messages, Principal caller, MessageQuery filter, Path file,
                              TaskRunner.Progress progress) throws IOException {
        long written = 0;
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            out.write("id,created_at,state,phone_id,sim,priority,recipients,recipient_states,text\n");
            Instant to = filter.to();
            int skip = 0;
            long total = -1;
            while (!progress.isCancelled()) {
                Page<OutgoingMessage> page = messages.list(caller, new MessageQuery(filter.from(), to, filter.state(),
                        filter.deviceId(), filter.search(), PAGE, skip, false));
                if (total < 0) {
                    total = page.total();
                }
                List<OutgoingMessage> items = page.items();
                for (OutgoingMessage m : items) {
                    out.write(row(m));
                }
                written += items.size();
                progress.update(written, total);
                if (items.size() < PAGE) {
                    break;
                }
                Instant last = items.get(items.size() - 1).createdAt();
                int sameAsLast = (int) items.stream().filter(m -> m.createdAt().equals(last)).count();
                Instant next = last.plusMillis(1);
                skip = next.equals(to) ? skip + sameAsLast : sameAsLast;
                to = next;
            }
        }
        if (progress.isCancelled()) {
            Files.deleteIfExists(partial);
        } else {
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return written;
    }

    static String row(OutgoingMessage m) {
        String text = m.content().isText() ? m.content().text() : "[data to port " + m.content().port() + "]";
        return String.join(",", csv(m.id()), csv(m.createdAt().toString()), csv(m.state().name()),
                csv(m.deviceId()), csv(m.simNumber() == null ? "" : m.simNumber().toString()),
                csv(String.valueOf(m.priority())),
                csv(m.recipients().stream().map(RecipientState::phoneNumber).collect(Collectors.joining(" "))),
                csv(m.recipients().stream().map(r -> r.state().name()).collect(Collectors.joining(" "))),
                csv(text(text))) + "\n";
    }

    /** Free text starting with = + - @ gets a quote prefix, so spreadsheets do not run it as a formula. */
    static String text(String v) {
        return !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    }

    /** RFC 4180 quoting. */
    static String csv(String v) {
        if (v == null) {
            return "";
        }
        String s = v;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
