package dev.dynamite.meta;

/**
 * The comparison of one typed filter test. They are the operators of the map form ({@code "="}, {@code ">="},
 * {@code "in"}, …), under one name each.
 */
public enum Operator {
    /** Equal to the operand. */
    EQ,
    /** Not equal to the operand (an absent attribute is not equal). */
    NE,
    /** Less than the operand. */
    LT,
    /** Less than or equal to the operand. */
    LE,
    /** Greater than the operand. */
    GT,
    /** Greater than or equal to the operand. */
    GE,
    /** Equal to one of the operands (a list). */
    IN,
    /** Between two bounds, both included (a list of the low and the high bound). */
    BETWEEN,
    /** A string that starts with the operand. */
    BEGINS_WITH,
    /** A string holding the operand, or a set or list holding it as an element. */
    CONTAINS,
    /** The attribute is stored. */
    EXISTS,
    /** The attribute is not stored. */
    NOT_EXISTS
}
