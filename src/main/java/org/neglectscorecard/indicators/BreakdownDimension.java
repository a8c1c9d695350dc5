package org.neglectscorecard.indicators;

/**
 * A breakdown ("knowing our problem"): the SQL expression giving the group a child falls in at a
 * date. Defined in sql/breakdowns.yml.
 */
public record BreakdownDimension(String id, String title, String labelSql) {

    /**
     * The label expression with the date it is taken at ({at}) and the record's own attribute
     * ({attribute}: what the entry's SQL returned as {@code attribute}, such as an agency sector).
     */
    public String labelAt(String dateExpression, String attributeExpression) {
        return labelSql.replace("{at}", dateExpression).replace("{attribute}", attributeExpression);
    }
}
