package org.fmishare.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoopbackTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            localhost                 | true
            LOCALHOST                 | true
            LocalHost                 | true
            127.0.0.1                 | true
            127.255.255.254           | true
            127.1.2.3                 | true
            ::1                       | true
            [::1]                     | true
            0:0:0:0:0:0:0:1           | true
            [0:0:0:0:0:0:0:1]         | true
            0000:0000:0000:0000:0000:0000:0000:0001 | true
            ''                        | false
            []                        | false
            localhost.                | false
            localhost.evil.com        | false
            evil-localhost            | false
            127.0.0.1.nip.io          | false
            127.1                     | false
            127.0.1                   | false
            127.0.0.1.                | false
            0177.0.0.1                | false
            127.000.000.001           | false
            0x7f.0.0.1                | false
            2130706433                | false
            127.0.0.256               | false
            128.0.0.1                 | false
            126.255.255.255           | false
            10.0.0.1                  | false
            0.0.0.0                   | false
            ::                        | false
            ::2                       | false
            [127.0.0.1]               | false
            [localhost]               | false
            ::ffff:127.0.0.1          | false
            [::ffff:127.0.0.1]        | false
            ::ffff:7f00:1             | false
            ::127.0.0.1               | false
            ::7f00:1                  | false
            fe80::1%lo                | false
            ::1%1                     | false
            example.com               | false
            """)
    void appliesTheOneRule(String host, boolean loopback) {
        assertThat(Loopback.isLoopbackHost(host)).isEqualTo(loopback);
    }

    @Test
    void nullIsAProgrammingError() {
        assertThatThrownBy(() -> Loopback.isLoopbackHost(null)).isInstanceOf(NullPointerException.class);
    }
}
