package io.smnode.node.tools;

import io.smnode.core.net.GenesisConfig;
import io.smnode.core.net.InvalidGenesisException;
import io.smnode.core.net.Preset;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "genesis", description = "Genesis id and golden ATX of a network: {\"genesis_id\", \"golden_atx\", \"hrp\"}.")
public final class GenesisTool extends Tool {
    @Option(names = "--preset", required = true, paramLabel = "NAME", description = "mainnet, testnet, standalone or localnet.")
    String preset;

    @Option(names = "--genesis-time", paramLabel = "TIME",
            description = "ISO-8601 genesis time; required for devnet presets, which have none of their own.")
    String genesisTime;

    @Option(names = "--extra-data", paramLabel = "TEXT", description = "Override the preset's genesis extra data.")
    String extraData;

    @Override
    protected Map<String, ?> run() {
        Preset p;
        try {
            p = Preset.byName(preset);
        } catch (IllegalArgumentException e) {
            throw new ToolException(e.getMessage());
        }
        Instant time = genesisTime != null ? parseTime(genesisTime) : p.params().genesis().time()
                .orElseThrow(() -> new ToolException("preset " + p.presetName() + " has no fixed genesis time; pass --genesis-time"));
        GenesisConfig genesis = new GenesisConfig(time, extraData != null ? extraData : p.params().genesis().extraData());
        try {
            genesis.validate();
        } catch (InvalidGenesisException e) {
            throw new ToolException(e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("genesis_id", genesis.genesisId().hex());
        out.put("golden_atx", genesis.goldenAtx().hex());
        out.put("hrp", p.params().hrp());
        out.put("genesis_time", genesis.genesisTime().toString());
        return out;
    }

    private static Instant parseTime(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ToolException("--genesis-time must be an ISO-8601 time such as 2023-07-14T08:00:00Z, got '" + text + "'");
        }
    }
}
