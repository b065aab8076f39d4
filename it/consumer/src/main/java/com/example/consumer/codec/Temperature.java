package com.example.consumer.codec;

import java.math.BigDecimal;

/**
 * A temperature in degrees Celsius.
 *
 * @param celsius the degrees
 */
public record Temperature(BigDecimal celsius) {
}
