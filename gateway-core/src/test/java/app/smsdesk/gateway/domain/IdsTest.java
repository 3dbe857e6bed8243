package app.smsdesk.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void newIdsAreNanoidShaped() {
        assertThat(Ids.newId()).hasSize(21).matches("[A-Za-z0-9_-]{21}");
    }

    @Test
    void timeOrderedIdsSortByTimeAndStayUnique() {
        List<String> ids = new ArrayList<>();
        long t = 1_700_000_000_000L;
        for (int i = 0; i < 2000; i++) {
            ids.add(Ids.timeOrdered(t + i * 37L));
        }
        assertThat(ids).allMatch(id -> id.matches("[A-Za-z0-9_-]{21}"));
        assertThat(ids).isSortedAccordingTo(String::compareTo);
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        assertThat(Ids.timeOrdered(t).substring(0, 7)).isEqualTo(Ids.timeOrdered(t).substring(0, 7));
        assertThat(Ids.timeOrdered(System.currentTimeMillis())).matches("[A-Za-z].*");
    }
}
