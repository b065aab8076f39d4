package dev.dynamite.codec.jackson.model;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A bean with nested beans, a record, lists, maps, exact and binary values, and nulls. */
public class Order {
    private String id;
    private BigDecimal total;
    private double ratio;
    private long big;
    private boolean paid;
    private String note;
    private byte[] signature;
    private Address shipping;
    private List<Line> lines;
    private Map<String, Integer> counts;
    private Map<String, Object> extra;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public void setTotal(BigDecimal total) {
        this.total = total;
    }

    public double getRatio() {
        return ratio;
    }

    public void setRatio(double ratio) {
        this.ratio = ratio;
    }

    public long getBig() {
        return big;
    }

    public void setBig(long big) {
        this.big = big;
    }

    public boolean isPaid() {
        return paid;
    }

    public void setPaid(boolean paid) {
        this.paid = paid;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public byte[] getSignature() {
        return signature;
    }

    public void setSignature(byte[] signature) {
        this.signature = signature;
    }

    public Address getShipping() {
        return shipping;
    }

    public void setShipping(Address shipping) {
        this.shipping = shipping;
    }

    public List<Line> getLines() {
        return lines;
    }

    public void setLines(List<Line> lines) {
        this.lines = lines;
    }

    public Map<String, Integer> getCounts() {
        return counts;
    }

    public void setCounts(Map<String, Integer> counts) {
        this.counts = counts;
    }

    public Map<String, Object> getExtra() {
        return extra;
    }

    public void setExtra(Map<String, Object> extra) {
        this.extra = extra;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Order x && Objects.equals(id, x.id) && Objects.equals(total, x.total)
                && Double.compare(ratio, x.ratio) == 0 && big == x.big && paid == x.paid
                && Objects.equals(note, x.note) && Arrays.equals(signature, x.signature)
                && Objects.equals(shipping, x.shipping) && Objects.equals(lines, x.lines)
                && Objects.equals(counts, x.counts) && Objects.equals(extra, x.extra);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, total, ratio, big, paid, note, shipping, lines, counts, extra)
                + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "Order[" + id + ", " + total + ", " + ratio + ", " + big + ", " + paid + ", " + note + ", "
                + Arrays.toString(signature) + ", " + shipping + ", " + lines + ", " + counts + ", " + extra + "]";
    }
}
