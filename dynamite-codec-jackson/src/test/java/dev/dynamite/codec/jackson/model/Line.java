package dev.dynamite.codec.jackson.model;

import java.math.BigDecimal;
import java.util.Objects;

/** A bean nested in a list of {@link Order}. */
public class Line {
    private String sku;
    private int quantity;
    private BigDecimal price;

    public Line() {
    }

    public Line(String sku, int quantity, BigDecimal price) {
        this.sku = sku;
        this.quantity = quantity;
        this.price = price;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Line l && quantity == l.quantity && Objects.equals(sku, l.sku)
                && Objects.equals(price, l.price);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sku, quantity, price);
    }

    @Override
    public String toString() {
        return "Line[" + sku + ", " + quantity + ", " + price + "]";
    }
}
