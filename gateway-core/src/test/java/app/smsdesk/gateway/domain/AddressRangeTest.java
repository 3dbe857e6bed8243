package app.smsdesk.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressRangeTest {
    @Test
    void matchesIpv4AndIpv6RangesAndMappedAddresses() {
        assertThat(AddressRange.parse("192.168.1.0/24").contains("192.168.1.77")).isTrue();
        assertThat(AddressRange.parse("192.168.1.0/24").contains("192.168.2.1")).isFalse();
        assertThat(AddressRange.parse("10.0.0.5").contains("10.0.0.5")).isTrue();
        assertThat(AddressRange.parse("10.0.0.5").contains("10.0.0.6")).isFalse();
        assertThat(AddressRange.parse("0.0.0.0/0").contains("8.8.8.8")).isTrue();
        assertThat(AddressRange.parse("fd00::/8").contains("fd12:3456::1")).isTrue();
        assertThat(AddressRange.parse("fd00::/8").contains("fe80::1")).isFalse();
        assertThat(AddressRange.parse("fd00::/8").contains("10.0.0.1")).isFalse();
        assertThat(AddressRange.parse("127.0.0.1").contains("::ffff:127.0.0.1")).isTrue();
        assertThat(AddressRange.parse("::1").contains("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(AddressRange.parse("fe80::/10").contains("fe80::1%eth0")).isTrue();
    }

    @Test
    void onlyLiteralsParseSoNoNameIsEverLookedUp() {
        assertThat(AddressRange.parse("localhost")).isNull();
        assertThat(AddressRange.parse("abc")).isNull();
        assertThat(AddressRange.parse("example.com/24")).isNull();
        assertThat(AddressRange.parse("10.0.0.0/33")).isNull();
        assertThat(AddressRange.parse("::/129")).isNull();
        assertThat(AddressRange.parse("10.0.0.0/-1")).isNull();
        assertThat(AddressRange.parse("")).isNull();
        assertThat(AddressRange.parse("999.1.1.1")).isNull();
    }
}
