package app.smsdesk.desktop.page.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsSegmentsTest {
    @ParameterizedTest(name = "{0} x{1} -> {2} {3} units, {4} parts, {5} left")
    @CsvSource({
        "a, 0, GSM-7, 0, 0, 160",
        "a, 160, GSM-7, 160, 1, 0",
        "a, 161, GSM-7, 161, 2, 145",
        "a, 306, GSM-7, 306, 2, 0",
        "a, 307, GSM-7, 307, 3, 152",
        "€, 80, GSM-7, 160, 1, 0",
        "€, 81, GSM-7, 162, 2, 144",
        "я, 70, UCS-2, 70, 1, 0",
        "я, 71, UCS-2, 71, 2, 63",
        "😀, 35, UCS-2, 70, 1, 0",
    })
    void countsUnitsAndPartsLikeThePhoneWill(String ch, int times, String encoding, int units, int parts, int left) {
        SmsSegments.Info info = SmsSegments.count(ch.repeat(times));
        assertThat(info.encoding()).isEqualTo(encoding);
        assertThat(info.units()).isEqualTo(units);
        assertThat(info.segments()).isEqualTo(parts);
        assertThat(info.remaining()).isEqualTo(left);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Hello, see you at 5?|GSM-7", "Grüße aus Köln|GSM-7", "Hej då, Ça va|GSM-7", "ça|UCS-2",
        "Łódź|UCS-2", "Price: 5 €|GSM-7"})
    void oneForeignCharacterSwitchesTheWholeTextToUcs2(String text, String encoding) {
        assertThat(SmsSegments.count(text).encoding()).isEqualTo(encoding);
    }
}
