package org.neglectscorecard.indicators;

/**
 * A breakdown ("knowing our problem"): the SQL expression giving the group a child falls in at a
 * date. Defined in sql/breakdowns.yml.
 */
public record BreakdownDimension(String id, String title, String labelSql) {

    /** Whether the label reads the child's profile (age, gender, ...) rather than the record's own attribute. */
    public boolean readsChild() {
        return !labelSql.contains("{attribute}");
    }

    /**
     * The label expression with the date it is taken at ({at}) and the record's own attribute
     * ({attribute}: what the entry's SQL returned as {@code attribute}, such as an agency sector).
     */
    public String labelAt(String dateExpression, String attributeExpression) {
        return labelSql.replace("{at}", dateExpression).replace("{attribute}", attributeExpression);
    }
}
