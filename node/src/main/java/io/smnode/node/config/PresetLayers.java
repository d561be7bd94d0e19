package io.smnode.node.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.net.Preset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration layer a preset stands for: the network keys taken from core's {@link Preset}, the single
 * source of the networks' parameters, so the config and the protocol code can never disagree about them.
 */
public final class PresetLayers {
    private PresetLayers() {}

    public static Config of(String presetName) {
        Preset preset;
        try {
            preset = Preset.byName(presetName);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("configuration key smnode.preset: " + e.getMessage() + ".");
        }
        NetworkParams p = preset.params();
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("genesis-time", p.genesis().time().map(Object::toString).orElse(""));
        network.put("genesis-extra-data", p.genesis().extraData());
        network.put("hrp", p.hrp());
        network.put("layer-duration", hocon(p.time().layerDuration()));
        network.put("layers-per-epoch", p.time().layersPerEpoch());
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("smnode.network", network);
        if (preset == Preset.STANDALONE || preset == Preset.LOCALNET) {
            // Devnets stay on this machine: listen on loopback and dial private addresses.
            layer.put("smnode.p2p", Map.of("listen", "/ip4/127.0.0.1/tcp/7513", "private-network", true));
        }
        return ConfigFactory.parseMap(layer, "preset " + preset.presetName());
    }

    /** Whole seconds print as "300s" rather than "300000ms", so that config dump reads like a config file. */
    private static String hocon(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
