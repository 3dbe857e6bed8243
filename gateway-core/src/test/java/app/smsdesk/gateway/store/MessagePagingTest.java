package app.smsdesk.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import app.smsdesk.gateway.domain.MessageContent;
import app.smsdesk.gateway.domain.MessageQuery;
import app.smsdesk.gateway.domain.OutgoingMessage;
import app.smsdesk.gateway.domain.ProcessingState;
import app.smsdesk.gateway.domain.RecipientState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Deep pages (served from remembered positions) hold exactly the rows a plain OFFSET would give. */
class MessagePagingTest {
    private static final int COUNT = 3_500;
    @TempDir
    static Path dir;
    static Database db;
    static MessageStore store;
    /** Expected newest-first order: created_at descending, then insertion (row id) descending. */
    static final List<String> newestFirst = new ArrayList<>();

    @BeforeAll
    static void fill() {
        db = new Database(new DataDir(dir).databaseFile());
        new UserStore(db).create("u", "hash", true, Instant.now());
        store = new MessageStore(db);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        record Row(String id, long created, long rowId) {
        }
        List<Row> rows = new ArrayList<>();
        db.write(c -> {
            for (int i = 0; i < COUNT; i++) {
                Instant created = base.plusSeconds(i / 3); // three messages share each second: ties by row id
                OutgoingMessage m = new OutgoingMessage(0, "m" + i, "u", null, MessageContent.text("t" + i),
                        List.of(new RecipientState("+14155552671", ProcessingState.Pending, null)),
                        Map.of(ProcessingState.Pending, created), ProcessingState.Pending, null, null, null, true, 0,
                        false, created, created);
                rows.add(new Row(m.id(), created.toEpochMilli(), MessageStore.insert(c, m, null)));
            }
            return null;
        });
        rows.sort(Comparator.comparingLong(Row::created).thenComparingLong(Row::rowId).reversed());
        rows.forEach(r -> newestFirst.add(r.id()));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @ParameterizedTest(name = "offset {0}, ascending {1}")
    @CsvSource({"0,false", "999,false", "1000,false", "1001,false", "2345,false", "3000,false", "3450,false",
        "3499,false", "3500,false", "0,true", "1000,true", "1999,true", "2001,true", "3460,true"})
    void pageMatchesThePlainOrdering(int offset, boolean ascending) {
        List<String> expected = new ArrayList<>(newestFirst);
        if (ascending) {
            java.util.Collections.reverse(expected);
        }
        List<String> want = expected.subList(Math.min(offset, COUNT), Math.min(offset + 50, COUNT));
        for (int round = 0; round < 2; round++) { // the second round is served from remembered positions
            var page = store.list("u", new MessageQuery(null, null, null, null, null, 50, offset, ascending));
            assertThat(page.total()).isEqualTo(COUNT);
            assertThat(page.items()).extracting(OutgoingMessage::id).containsExactlyElementsOf(want);
        }
    }
}
