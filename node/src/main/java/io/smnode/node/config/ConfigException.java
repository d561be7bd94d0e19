package io.smnode.node.config;

/** A configuration the node refuses to start with. The message is one sentence that names the key. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String sentence) {
        super(sentence);
    }

    public ConfigException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
