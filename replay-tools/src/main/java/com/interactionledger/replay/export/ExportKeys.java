package com.interactionledger.replay.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

/**
 * The export's signature: Ed25519 (deterministic, so exporting twice signs identically), keys in PEM files
 * (PKCS#8 private, X.509 public) that OpenSSL reads too. docs/REGULATORS.md shows verification with OpenSSL.
 */
public final class ExportKeys {

    public static final String ALGORITHM = "Ed25519";

    /** 0600: the private key's file, as it is created. */
    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /** The private key's file name in the directory keygen writes. */
    public static final String SIGNING_KEY = "export-signing-key.pem";
    /** The public key's file name beside it. */
    public static final String PUBLIC_KEY = "export-public-key.pem";

    private ExportKeys() {
    }

    /**
     * Writes a new key pair: {@code export-signing-key.pem} (keep it secret) and {@code export-public-key.pem}.
     * Never over an existing key: if either file is there (a link too), nothing is written and
     * {@link FileAlreadyExistsException} names it. Where the directory's file system has POSIX permissions, the
     * private key's file is created with the permissions 0600 (owner read and write; the process's umask can only
     * take bits away) by the same call that creates it, so it is never readable by anyone else, not even between
     * its creation and a chmod. Elsewhere (FAT, Windows' NTFS) it is created with the directory's default access,
     * and this answers false so the caller can say the file needs restricting by hand.
     *
     * @return whether the private key's file was created readable by its owner only
     */
    public static boolean generate(Path directory) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        Files.createDirectories(directory);
        Path privateFile = directory.resolve(SIGNING_KEY);
        Path publicFile = directory.resolve(PUBLIC_KEY);
        // Both checked before either is written: a refusal leaves the directory as it was. CREATE_NEW below still
        // refuses a file that appears meanwhile.
        for (Path file : List.of(privateFile, publicFile)) {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(file.toString());
            }
        }
        boolean posix = Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class);
        FileAttribute<?>[] ownerOnly = posix ? new FileAttribute<?>[] {OWNER_ONLY} : new FileAttribute<?>[0];
        try (SeekableByteChannel file = Files.newByteChannel(privateFile,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly)) {
            ByteBuffer key = ByteBuffer.wrap(pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                    .getBytes(StandardCharsets.US_ASCII));
            while (key.hasRemaining()) {
                file.write(key);
            }
        }
        Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return posix;
    }

    public static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
    }

    public static PublicKey publicKey(Path pem) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
    }

    public static byte[] sign(byte[] content, PrivateKey key) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(ALGORITHM);
        signature.initSign(key);
        signature.update(content);
        return signature.sign();
    }

    public static boolean verify(byte[] content, byte[] signed, PublicKey key) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(ALGORITHM);
        signature.initVerify(key);
        signature.update(content);
        return signature.verify(signed);
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] der(Path pem, String label) throws IOException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN " + label + "-----");
        int end = text.indexOf("-----END " + label + "-----");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException(pem + " is not a PEM file holding a " + label);
        }
        return Base64.getMimeDecoder().decode(text.substring(begin + label.length() + 16, end));
    }
}
