package dev.dynamite.core.internal.write;

/**
 * Set by a write the moment DynamoDB confirms it, so that a failure after that point (an after-hook that throws) is
 * not mistaken for a write that did not happen. One per item; written and read on the same thread.
 */
public final class Receipt {
    private boolean confirmed;

    /** Records that DynamoDB confirmed the write. */
    public void confirm() {
        confirmed = true;
    }

    /**
     * Returns whether DynamoDB confirmed the write.
     *
     * @return true once {@link #confirm()} was called
     */
    public boolean confirmed() {
        return confirmed;
    }
}
