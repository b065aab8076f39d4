package dev.dynamite.local.internal.expr;

import dev.dynamite.local.internal.engine.DynamoException;
import java.math.BigDecimal;

/** Arithmetic on DynamoDB numbers: exact, then checked against what a number attribute can hold. */
final class Numbers {
    /** DynamoDB's significant digits. */
    static final int PRECISION = 38;

    private Numbers() {
    }

    /**
     * Adds two numbers exactly.
     *
     * @param a a number
     * @param b a number
     * @return the sum, normalized
     * @throws DynamoException if the sum cannot be stored
     */
    static BigDecimal add(BigDecimal a, BigDecimal b) {
        return checked(a.add(b));
    }

    /**
     * Subtracts two numbers exactly.
     *
     * @param a a number
     * @param b a number
     * @return the difference, normalized
     * @throws DynamoException if the difference cannot be stored
     */
    static BigDecimal subtract(BigDecimal a, BigDecimal b) {
        return checked(a.subtract(b));
    }

    /**
     * Checks that a computed number fits a number attribute: magnitude from 1E-130 to below 1E+126 and at most 38
     * significant digits. DynamoDB reports a result needing more digits (e.g. {@code 1E+50 + 1}) as an overflow too.
     */
    private static BigDecimal checked(BigDecimal exact) {
        if (exact.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = exact.stripTrailingZeros();
        int exponent = stripped.precision() - stripped.scale() - 1;
        if (exponent < -130) {
            throw DynamoException.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        if (exponent > 125 || stripped.precision() > PRECISION) {
            throw DynamoException.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
