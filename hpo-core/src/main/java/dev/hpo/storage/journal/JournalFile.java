package dev.hpo.storage.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The bytes of a journal: an append-only file of lines that several processes share. It reads incrementally
 * (it remembers the offset after the last complete line it handed out, so only new bytes are parsed) and appends
 * under the {@link JournalFileLock}. Not thread safe; its owner serialises calls.
 *
 * <p>A final line without its newline is a write in progress, or the remains of a writer that died in the middle
 * of one: it is not handed out. The next append, made under the lock when no one else can be writing, cuts such a
 * tail off so that it can never be glued to the next line.
 *
 * <p>A {@link FileChannel} closes itself when the thread using it is interrupted, and an objective that catches an
 * {@link InterruptedException} and restores its thread's interrupt status (the usual idiom) would then break the
 * journal for the whole study. So every channel operation runs with the status cleared and restores it afterwards;
 * an interrupt that arrives during the operation closes the channels, which are reopened and the operation made
 * again (an append first cuts off what the interrupted write left).
 */
public final class JournalFile implements AutoCloseable {

    /** Receives complete lines, in file order. */
    @FunctionalInterface
    public interface LineConsumer {
        /**
         * @param bytes holds the line, without its newline, in {@code bytes[offset, offset + length)}
         * @param offset where the line starts in {@code bytes}
         * @param length the line's length in bytes
         * @param lineNumber 1-based number of the line in the file
         * @param last true when no byte of the file follows this line
         * @return false to leave this line (and the rest) unread, to be handed out again by the next read
         */
        boolean accept(byte[] bytes, int offset, int length, long lineNumber, boolean last);
    }

    private static final System.Logger LOG = System.getLogger(JournalFile.class.getName());
    private static final int CHUNK = 1 << 20;

    private final Path path;
    private FileChannel reader;
    /** Opened at the first write: a journal that is only read may be read-only. */
    private FileChannel writer;
    private final JournalFileLock lock;
    private long offset;
    /** CRC-32 of the bytes before {@link #offset}: what a snapshot of the replay names the prefix it covers by. */
    private CRC32 prefixCrc = new CRC32();
    /** The file's size at the last {@link #readNew}, or -1 before the first: the end of the bytes it saw. */
    private long sizeSeen = -1;
    private long linesRead;
    private byte[] buffer = new byte[64 * 1024];
    private int chunk = CHUNK;

    /**
     * Opens (creating it and its parent directories when missing) the journal at {@code path}. An existing file is
     * opened for reading only; it is opened for writing at the first {@link #lock()}, so that a journal that is only
     * read (a report of a study copied from CI, a file on a read-only mount) can be.
     */
    public JournalFile(Path path, Duration lockGrace) {
        this.path = path.toAbsolutePath();
        try {
            openReader();
        } catch (NoSuchFileException missing) {
            try {
                Path parent = this.path.getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                openWriter();
                openReader();
            } catch (IOException e) {
                throw new JournalIoException("cannot create journal " + this.path, e);
            }
        } catch (IOException e) {
            throw new JournalIoException("cannot open journal " + this.path, e);
        }
        this.lock = new JournalFileLock(this.path, lockGrace);
    }

    private void openReader() throws IOException {
        reader = FileChannel.open(path, StandardOpenOption.READ);
    }

    private void openWriter() throws IOException {
        writer = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** The writer, opened at the first write; a file that cannot be written is named with what to do about it. */
    private void requireWriter() {
        if (writer != null) {
            return;
        }
        try {
            openWriter();
        } catch (FileSystemException e) {  // AccessDeniedException, a read-only file system
            JournalIoException refused = new JournalIoException("journal " + path + " can be read but not written ("
                    + e.getReason() + "): a study in it cannot go on there; copy the file to a writable place and name"
                    + " the copy, or make it writable");
            refused.initCause(e);  // its text is the reason already given
            throw refused;
        } catch (IOException e) {
            throw new JournalIoException("cannot open journal " + path + " for writing", e);
        }
    }

    /** Channel work; {@code retry} is true when an interrupt closed the channels during the first attempt. */
    private interface ChannelIo<T> {
        T run(boolean retry) throws IOException;
    }

    /** Runs channel work shielded from the thread's interrupt status (see the class comment). */
    private <T> T shielded(ChannelIo<T> io) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            try {
                return io.run(false);
            } catch (ClosedByInterruptException e) {
                Thread.interrupted();  // the interrupt that closed the channels, restored below
                interrupted = true;
                boolean writing = writer != null;
                closeQuietly();
                openReader();
                if (writing) {
                    openWriter();
                }
                return io.run(true);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeQuietly() {
        for (FileChannel c : new FileChannel[] {writer, reader}) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (IOException ignored) {
                // closed already by the interrupt
            }
        }
    }

    public Path path() {
        return path;
    }

    /** How many lines have been handed out so far. */
    public long linesRead() {
        return linesRead;
    }

    /** The byte offset after the last line handed out. */
    public long offset() {
        return offset;
    }

    /** CRC-32 of the bytes before {@link #offset()}. */
    public long prefixChecksum() {
        return prefixCrc.getValue();
    }

    /**
     * Moves a file that has handed out nothing yet past its first {@code length} bytes ({@code lines} lines), for
     * a reader that has their replay from elsewhere (a snapshot), if those bytes still have the given CRC-32.
     * Reading them costs a checksum, far less than parsing them. Returns false and stays at the start when the
     * file is shorter or its prefix differs (the file was cut, edited or replaced since).
     */
    public boolean skipVerified(long length, long lines, long checksum) {
        if (offset != 0 || linesRead != 0) {
            throw new IllegalStateException("journal " + path + ": skipVerified after lines were read");
        }
        try {
            if (length <= 0 || shielded(retry -> reader.size()) < length) {
                return false;
            }
            CRC32 crc = new CRC32();
            long at = 0;
            byte lastByte = 0;
            while (at < length) {
                int got = readFully(at, (int) Math.min(buffer.length, length - at));
                if (got <= 0) {
                    return false;
                }
                crc.update(buffer, 0, got);
                lastByte = buffer[got - 1];
                at += got;
            }
            if (crc.getValue() != checksum || lastByte != '\n') {
                return false;
            }
            prefixCrc = crc;
            offset = length;
            linesRead = lines;
            return true;
        } catch (IOException e) {
            throw new JournalIoException("cannot read journal " + path, e);
        }
    }

    /** Hands every complete line written since the last call to the consumer. */
    public void readNew(LineConsumer consumer) {
        try {
            long size = shielded(retry -> reader.size());
            sizeSeen = size;
            while (offset < size) {
                int want = (int) Math.min(chunk, size - offset);
                if (buffer.length < want) {
                    buffer = new byte[Math.max(want, buffer.length * 2)];
                }
                int got = readFully(offset, want);
                int start = 0;
                int newline = indexOf(buffer, start, got);
                if (newline < 0) {
                    if (got == want && offset + got < size) {
                        chunk *= 2; // one line longer than a chunk: read it whole next time
                        continue;
                    }
                    return;
                }
                while (newline >= 0) {
                    boolean last = offset + newline + 1 == size;
                    if (!consumer.accept(buffer, start, newline - start, linesRead + 1, last)) {
                        prefixCrc.update(buffer, 0, start);
                        offset += start;
                        return;
                    }
                    linesRead++;
                    start = newline + 1;
                    newline = indexOf(buffer, start, got);
                }
                prefixCrc.update(buffer, 0, start);
                offset += start;
            }
        } catch (IOException e) {
            throw new JournalIoException("cannot read journal " + path, e);
        }
    }

    /**
     * Refuses a file whose bytes after the last line read cannot be a journal line being written or torn: called
     * on opening, so that a file that is not a journal is refused before anything is staged for it.
     */
    public void checkTail() {
        try {
            if (sizeSeen > offset) {
                requireTornLine();
            }
        } catch (IOException e) {
            throw new JournalIoException("cannot read journal " + path, e);
        }
    }

    /**
     * Every journal line starts <code>{"op_code"</code> (hpo's and Optuna's writers alike), so a tail that does not
     * is no line a dying writer left but a file that is not a journal (a note, a JSON document without a newline),
     * which cutting would destroy. Refused, the file untouched.
     */
    private void requireTornLine() throws IOException {
        byte[] start = new byte[(int) Math.min(LINE_START.length, sizeSeen - offset)];
        int got = shielded(retry -> reader.read(ByteBuffer.wrap(start), offset));
        if (got != start.length || !Arrays.equals(start, 0, start.length, LINE_START, 0, start.length)) {
            throw new JournalIoException("journal " + path + " ends in " + (sizeSeen - offset) + " bytes after line "
                    + linesRead + " that are not the start of a journal line (" + printable(start, got) + "...): it is"
                    + " not a journal file, or was edited; nothing was written to it. Name another file, or move it"
                    + " away");
        }
    }

    private static final byte[] LINE_START = "{\"op_code\"".getBytes(StandardCharsets.US_ASCII);

    private static String printable(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.max(0, length); i++) {
            char c = (char) (bytes[i] & 0xff);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }

    private int readFully(long position, int length) throws IOException {
        return shielded(retry -> {
            ByteBuffer b = ByteBuffer.wrap(buffer, 0, length);
            while (b.hasRemaining()) {
                int n = reader.read(b, position + b.position());
                if (n < 0) {
                    break;
                }
            }
            return b.position();
        });
    }

    private static int indexOf(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Takes the inter-process lock, to write; pair with {@link #unlock()}. */
    public void lock() {
        requireWriter();
        lock.acquire();
        sizeSeen = -1; // another process may have appended while this one did not hold the lock
    }

    public void unlock() {
        lock.release();
    }

    /**
     * Appends whole lines (each ending in a newline) and hands them to {@code consumer} as {@link #readNew} would
     * have. The caller holds the lock and has just called {@link #readNew} under it, so the file ends where that
     * read saw it end; the lines land right after the last line read (anything past it is a torn tail of a dead
     * writer and is cut off), and the file then holds exactly what was read plus these lines. That is why they are
     * handed out from memory: reading them back would cost a size check and a read and give the same bytes.
     */
    public void append(byte[] lines, int length, LineConsumer consumer) {
        if (sizeSeen < 0) {
            throw new IllegalStateException("journal " + path + ": append without a read under the lock");
        }
        try {
            if (sizeSeen > offset) {
                requireTornLine();
                LOG.log(System.Logger.Level.WARNING, "journal {0}: cutting off {1} bytes after line {2} left by a"
                        + " writer that died in the middle of a line", path, sizeSeen - offset, linesRead);
                shielded(retry -> writer.truncate(offset));
            }
            shielded(retry -> {
                if (retry && writer.size() > offset) {
                    writer.truncate(offset);  // the interrupted write's part
                }
                ByteBuffer b = ByteBuffer.wrap(lines, 0, length);
                while (b.hasRemaining()) {
                    writer.write(b);
                }
                return null;
            });
        } catch (IOException e) {
            sizeSeen = -1;
            throw new JournalIoException("cannot append to journal " + path, e);
        }
        long end = offset + length;
        sizeSeen = -1;
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (lines[i] == '\n') {
                if (!consumer.accept(lines, start, i - start, linesRead + 1, offset + i + 1 == end)) {
                    return; // left for the next readNew, which reads it from the file
                }
                linesRead++;
                prefixCrc.update(lines, start, i + 1 - start);
                offset += i + 1 - start;
                start = i + 1;
            }
        }
    }

    /** Forces what was written to the disk (fdatasync: the data and the file size). */
    public void force() {
        if (writer == null) {
            return;  // nothing was written
        }
        try {
            shielded(retry -> {
                writer.force(false);
                return null;
            });
        } catch (IOException e) {
            throw new JournalIoException("cannot fsync journal " + path, e);
        }
    }

    @Override
    public void close() {
        try {
            if (writer != null) {
                writer.close();
            }
            reader.close();
        } catch (IOException e) {
            throw new JournalIoException("cannot close journal " + path, e);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
