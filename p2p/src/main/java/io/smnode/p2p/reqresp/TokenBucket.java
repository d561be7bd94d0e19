package io.smnode.p2p.reqresp;

/**
 * A token bucket like Go's {@code rate.NewLimiter(rate.Every(interval/requests), requests)}: {@code burst} tokens,
 * refilled at {@code perSecond}. Time is an input (milliseconds).
 */
public final class TokenBucket {
    private final double perMilli;
    private final double burst;
    private double tokens;
    private long last;

    public TokenBucket(double perSecond, int burst, long now) {
        this.perMilli = perSecond / 1000.0;
        this.burst = burst;
        this.tokens = burst;
        this.last = now;
    }

    /** Takes a token; returns 0 when one was there, else the milliseconds until one will be (reserved). */
    public long reserve(long now) {
        tokens = Math.min(burst, tokens + (now - last) * perMilli);
        last = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perMilli);
    }
}
