package io.jenkins.plugins.gitproviders.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.Test;

public class BodyReaderTest {
    /** Serves {@code size} bytes without holding them, counting how many were read. */
    private static final class CountingStream extends InputStream {
        private final long size;
        long served;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (served >= size) {
                return -1;
            }
            served++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (served >= size) {
                return -1;
            }
            int count = (int) Math.min(length, size - served);
            Arrays.fill(buffer, offset, offset + count, (byte) 'x');
            served += count;
            return count;
        }
    }

    @Test
    public void shouldStopAtTheCapWhenA30MiBBodyArrives() {
        // Given a 30 MiB body
        CountingStream body = new CountingStream(30L * 1024 * 1024);

        // When / Then
        assertThatThrownBy(() -> BodyReader.read(body, BodyReader.MAX_BODY))
                .isInstanceOf(BodyTooLargeException.class)
                .hasMessageContaining(String.valueOf(BodyReader.MAX_BODY));
        assertThat(body.served).isLessThanOrEqualTo(BodyReader.MAX_BODY + 1);
    }

    @Test
    public void shouldReadABodyOfExactlyTheCap() throws Exception {
        CountingStream body = new CountingStream(100_000);

        byte[] read = BodyReader.read(body, 100_000);

        assertThat(read).hasSize(100_000);
    }

    @Test
    public void shouldRefuseOneByteOverTheCapHavingReadOnlyThatByte() {
        CountingStream body = new CountingStream(1_000_000);

        assertThatThrownBy(() -> BodyReader.read(body, 100_001)).isInstanceOf(BodyTooLargeException.class);
        assertThat(body.served).isEqualTo(100_002);
    }

    @Test
    public void shouldReadSmallAndEmptyBodiesExactly() throws Exception {
        assertThat(BodyReader.read(new ByteArrayInputStream(new byte[0]), BodyReader.MAX_BODY)).isEmpty();
        assertThat(BodyReader.read(new ByteArrayInputStream("{\"a\":1}".getBytes()), BodyReader.MAX_BODY))
                .isEqualTo("{\"a\":1}".getBytes());
    }
}
