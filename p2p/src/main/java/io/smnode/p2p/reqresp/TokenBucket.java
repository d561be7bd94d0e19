package io.smnode.p2p.reqresp;

/**
 * A token bucket like Go's {@code rate.NewLimiter(rate.Every(interval/requests), requests)}: {@code burst} tokens,
 * refilled at {@code perSecond}. Time is an input (milliseconds). A reservation may take the bucket below zero (a
 * debt paid back by the refill); that is how a byte count larger than what is there is accounted for. Not
 * thread-safe: a bucket shared between threads is used under its owner's lock.
 */
public final class TokenBucket {
    private final double perMilli;
    private final double burst;
    private double tokens;
    private long last;

    public TokenBucket(double perSecond, double burst, long now) {
        this.perMilli = perSecond / 1000.0;
        this.burst = burst;
        this.tokens = burst;
        this.last = now;
    }

    /** Takes a token; returns 0 when one was there, else the milliseconds until one will be (reserved). */
    public long reserve(long now) {
        return reserve(now, 1);
    }

    /**
     * Takes {@code n} tokens, going into debt when fewer are there; returns the milliseconds until the bucket is no
     * longer in debt (0 when it is not). {@code n = 0} only asks.
     */
    public long reserve(long now, double n) {
        refill(now);
        tokens -= n;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perMilli);
    }

    /** The tokens there now (negative while in debt). */
    public double available(long now) {
        refill(now);
        return tokens;
    }

    private void refill(long now) {
        if (now > last) {
            tokens = Math.min(burst, tokens + (now - last) * perMilli);
            last = now;
        }
    }
}
