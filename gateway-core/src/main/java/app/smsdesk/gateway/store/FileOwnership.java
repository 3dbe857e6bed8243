package app.smsdesk.gateway.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/** Who owns a file and who else may touch it (POSIX systems only). */
final class FileOwnership {
    private FileOwnership() {
    }

    static boolean isOwnedByThisUser(Path p) throws IOException {
        return Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).equals(ThisUser.PRINCIPAL);
    }

    static boolean othersMayWrite(Path p) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        return perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE);
    }

    static boolean othersMayRead(Path p) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        return othersMayWrite(p) || perms.contains(PosixFilePermission.GROUP_READ)
                || perms.contains(PosixFilePermission.OTHERS_READ);
    }

    /**
     * The user this process runs as: the owner of a file it has just created (found once, on first use). The
     * {@code user.name} property is not enough: it is only a name, and unknown in a container without a passwd
     * entry.
     */
    private static final class ThisUser {
        static final UserPrincipal PRINCIPAL = find();

        private static UserPrincipal find() {
            try {
                Path probe = Files.createTempFile("smsdesk-owner", ".tmp");
                try {
                    return Files.getOwner(probe);
                } finally {
                    Files.deleteIfExists(probe);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot tell which user this process runs as", e);
            }
        }
    }
}
