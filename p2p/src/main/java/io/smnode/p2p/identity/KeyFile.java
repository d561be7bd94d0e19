package io.smnode.p2p.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The p2p identity file, {@code <data dir>/p2p/p2p.key}, in go-spacemesh's format
 * ({@code {"Key": base64(protobuf PrivateKey), "ID": "<peer id>"}}), owner-only (0600). Made once with a fresh key;
 * loaded unchanged afterwards; a damaged file is refused, never replaced.
 */
public final class KeyFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeyFile() {}

    public static Path path(Path dataDir) {
        return dataDir.resolve("p2p").resolve("p2p.key");
    }

    /** Loads the key, creating it (and its folder) when absent. @throws IOException naming the file and the problem */
    public static HostKey loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return load(file);
        }
        Files.createDirectories(file.getParent());
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        HostKey key = HostKey.fromSeed(seed);
        Map<String, String> json = new LinkedHashMap<>();
        json.put("Key", Base64.getEncoder().encodeToString(key.toProtobuf()));
        json.put("ID", key.peerId().toString());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        Files.write(tmp, JSON.writeValueAsBytes(json), StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        try {
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp);
            return load(file);
        }
        return key;
    }

    public static HostKey load(Path file) throws IOException {
        try {
            JsonNode n = JSON.readTree(file.toFile());
            HostKey key = HostKey.fromProtobuf(Base64.getDecoder().decode(n.path("Key").asText("")));
            String id = n.path("ID").asText("");
            if (!id.isEmpty() && !id.equals(key.peerId().toString())) {
                throw new IOException("p2p key file " + file + ": ID " + id + " does not match its key (" + key.peerId() + ")");
            }
            return key;
        } catch (IOException e) {
            throw e instanceof com.fasterxml.jackson.core.JsonProcessingException
                    ? new IOException("p2p key file " + file + " is damaged: " + e.getMessage(), e) : e;
        } catch (RuntimeException e) {
            throw new IOException("p2p key file " + file + " is damaged: " + e.getMessage(), e);
        }
    }
}
