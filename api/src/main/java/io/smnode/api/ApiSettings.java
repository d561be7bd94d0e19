package io.smnode.api;

import java.util.Optional;

/**
 * Where the API listens; an empty listener is off. The gRPC listeners speak HTTP/2 cleartext; the JSON gateway and
 * the status page plain HTTP/1.1.
 *
 * @param publicListen  v1 node and mesh, the v2alpha1 services (smapp, explorers)
 * @param privateListen the smesher's services (SmesherService, PostInfoService)
 * @param postListen    where remote post services register (PostService)
 * @param jsonListen    the v2alpha1 services as JSON over HTTP POST
 * @param statusListen  the web status page
 */
public record ApiSettings(Optional<Endpoint> publicListen, Optional<Endpoint> privateListen,
                          Optional<Endpoint> postListen, Optional<Endpoint> jsonListen,
                          Optional<Endpoint> statusListen) {

    /** A host and port (port 0: any free one); {@code key} names the setting in messages. */
    public record Endpoint(String key, String host, int port) {
        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
