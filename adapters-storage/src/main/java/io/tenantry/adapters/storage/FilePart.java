package io.tenantry.adapters.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Bytes {@code offset} to {@code offset + length} of a file as a stream: one part of a multipart upload. */
final class FilePart extends InputStream {

    private final FileChannel channel;
    private final long end;
    private long position;

    FilePart(Path file, long offset, long length) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.position = offset;
        this.end = offset + length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (position >= end) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        int read = channel.read(ByteBuffer.wrap(buffer, offset, (int) Math.min(length, end - position)), position);
        if (read < 0) {
            return -1;
        }
        position += read;
        return read;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
