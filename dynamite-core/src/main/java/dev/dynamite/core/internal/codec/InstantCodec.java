package dev.dynamite.core.internal.codec;

import java.nio.charset.StandardCharsets;
import dev.dynamite.spi.AttributeCodec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code Instant} as {@code S} in ISO-8601 UTC, exactly as {@link Instant#toString()} writes it; reads what
 * {@link Instant#parse} reads. Common values, years 0000 to 9999 in UTC, go through hand-written fast paths.
 *
 * <p>{@link #format} writes exactly what {@code Instant.toString()} ({@code DateTimeFormatter.ISO_INSTANT}) writes:
 * {@code yyyy-MM-ddTHH:mm:ss}, then the fraction of a second in groups of three digits ({@code .SSS}, {@code .SSSSSS}
 * or {@code .SSSSSSSSS}, none when zero), then {@code Z}; other years are left to {@code Instant.toString()}.
 * {@link #parse} reads only that canonical shape with valid field values (1 to 9 fraction digits, seconds 0 to 59) and
 * returns null for anything else, which the caller then gives to {@code Instant.parse}: what is accepted, and how, is
 * unchanged.
 */
final class InstantCodec implements AttributeCodec<Instant> {
    /** 0000-01-01T00:00:00Z. */
    private static final long MIN_SECOND = -62_167_219_200L;
    /** 9999-12-31T23:59:59Z. */
    private static final long MAX_SECOND = 253_402_300_799L;
    private static final int SECONDS_PER_DAY = 86_400;
    /** Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar. */
    private static final int DAYS_0000_03_TO_1970 = 719_468;
    private static final int DAYS_PER_ERA = 146_097;

    @Override
    public AttributeValue encode(Instant value) {
        return AttributeValue.createS(format(value));
    }

    @Override
    public Instant decode(AttributeValue value) {
        BuiltInCodecs.expect(value, AttributeValue.Type.S, "Instant");
        String text = value.s();
        Instant fast = parse(text);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cannot read '" + text + "' as Instant: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "InstantCodec";
    }

    /** Returns {@code instant.toString()}. */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < MIN_SECOND || seconds > MAX_SECOND) {
            return instant.toString();
        }
        int nanos = instant.getNano();
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = Math.floorMod(seconds, SECONDS_PER_DAY);

        // civil_from_days (H. Hinnant): years starting on March 1 in 400-year eras
        long z = days + DAYS_0000_03_TO_1970;
        long era = Math.floorDiv(z, DAYS_PER_ERA);
        int dayOfEra = (int) (z - era * DAYS_PER_ERA);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / (DAYS_PER_ERA - 1)) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        int year = (int) (yearOfEra + era * 400) + (month <= 2 ? 1 : 0);

        int fractionDigits;
        int fraction;
        if (nanos == 0) {
            fractionDigits = 0;
            fraction = 0;
        } else if (nanos % 1_000_000 == 0) {
            fractionDigits = 3;
            fraction = nanos / 1_000_000;
        } else if (nanos % 1_000 == 0) {
            fractionDigits = 6;
            fraction = nanos / 1_000;
        } else {
            fractionDigits = 9;
            fraction = nanos;
        }
        byte[] text = new byte[fractionDigits == 0 ? 20 : 21 + fractionDigits];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, month, 2);
        text[7] = '-';
        digits(text, 8, day, 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        if (fractionDigits != 0) {
            text[19] = '.';
            digits(text, 20, fraction, fractionDigits);
        }
        text[text.length - 1] = 'Z';
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** Writes {@code value} as {@code count} decimal digits, zero-padded, at {@code offset}. */
    private static void digits(byte[] text, int offset, int value, int count) {
        for (int i = offset + count - 1; i >= offset; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Returns {@code Instant.parse(text)} for the canonical shape, else null (the caller then uses Instant.parse). */
    static @Nullable Instant parse(String text) {
        int length = text.length();
        if (length != 20 && (length < 22 || length > 30)) {
            return null;
        }
        if (text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            if (text.charAt(19) != '.') {
                return null;
            }
            int fractionDigits = length - 21;
            int fraction = number(text, 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        // days_from_civil (H. Hinnant)
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        long days = (long) era * DAYS_PER_ERA + dayOfEra - DAYS_0000_03_TO_1970;
        long seconds = days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** The value of {@code count} ASCII digits at {@code offset}, or -1 if one is not an ASCII digit. */
    private static int number(String text, int offset, int count) {
        int value = 0;
        for (int i = offset; i < offset + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static int monthLength(int year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }
}
