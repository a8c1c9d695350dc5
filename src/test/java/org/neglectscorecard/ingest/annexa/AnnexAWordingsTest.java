package org.neglectscorecard.ingest.annexa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.neglectscorecard.ingest.Codes;
import org.neglectscorecard.ingest.Values;

/**
 * Values as LAs really write them in Annex A, taken from the wordings Social Finance's
 * liia-tools-pipeline has collected from the returns of the LAs it serves
 * (liiatools/annex_a_pipeline/spec/Annex_A_schema.yml, each value listed under the code it means):
 * a wording that plainly means a code is read as that code, and one that means "not known" is
 * simply not known, without a complaint; only wordings that mean nothing certain are left out.
 */
class AnnexAWordingsTest {

    /** List 7: was the child seen alone at the last statutory visit? (null: not known) */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "a) Yes|true", "1 - Yes|true", "Child seen|true", "Child seen alone|true", "Seen|true", "Seen alone|true",
            "Y|true", "Yes|true", "Yes-See care notes for details|true", "True|true",
            "b) No|false", "0 - No|false", "Child not seen|false", "Child not seen alone|false", "N|false", "No|false",
            "Not seen|false", "Not seen alone|false", "False|false",
            "c) Unknown|null", "Unknown|null", "No Visit - new in last month|null",
            // Not applicable (a plan before birth, a baby): no answer, however written, never a "no" by its first letters.
            "Not applicable|null", "c) Not applicable - child too young|null", "N/A|null", "NA|null", "n/a - unborn|null",
            "Unborn|null", "Pre-birth|null", "Child too young|null", "Too young|null",
            "Child declined|false", "Refused|false", "Declined to be seen alone|false",
            // A yes stays a yes, whatever follows it.
            "Yes - but child declined to speak|true", "Yes - sibling too young|true", "Seen alone, parent refused at first|true"})
    void seenAlone(String written, Boolean meant) {
        assertThat(AnnexARowProcessor.seenAlone(written)).isEqualTo(meant);
    }

    /** Every list: does the child have a disability? Some LAs write the CIN census's disability codes. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "a) Yes|true", "1|true", "1 - Yes|true", "Y|true", "Yes|true", "AUT|true", "AUTISM|true",
            "Autism or Asperger Syndrome|true", "BEH|true", "COMM|true", "CON|true", "DDA|true", "HAND|true", "HEARING|true",
            "INC|true", "LD|true", "MOB|true", "PC|true", "PERSONAL CARE|true", "VIS|true", "Disability|true",
            "Disabled under DDA - No other|true", "OTHER DDA|true",
            "b) No|false", "0|false", "0 - No|false", "N|false", "No|false", "NO DISABILITY|false", "NONE|false",
            "c) Unknown|null", "NOBT|null", "NOBT - Information not yet obtained|null", "Not obtained|null", "REFU|null",
            "Refused|null"})
    void disability(String written, Boolean meant) {
        assertThat(Codes.disability(written).orElse(null)).isEqualTo(meant);
    }

    /** List 7: categories of abuse, one named (however qualified), several (Multiple), or four Y/N flags. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a) Neglect|NEG", "Likelihood of Neglect|NEG", "NEGLECT|NEG", "Neglect Abuse|NEG", "Neglect Only|NEG", "YNNN|NEG",
            "b) Physical abuse|PHY", "Likelihood of Physical|PHY", "PHYSAB|PHY", "Physical abuse only|PHY", "Physical injury|PHY",
            "NYNN|PHY", "c) Sexual abuse|SAB", "Likelihood of Sexual|SAB", "Sexual Only|SAB", "NNYN|SAB",
            "d) Emotional abuse|EMO", "Emotion|EMO", "EMOTIONAL ABUSE|EMO", "Emotional abuse only|EMO", "NNNY|EMO",
            "e) Multiple/not recommended|MUL", "Muliple|MUL", "Multiple Categories|MUL", "Emotional Neglect|MUL",
            "Neglect  Physical|MUL", "Emotional abuse; Physical abuse; Neglect|MUL", "NEGLECT/PHYSICAL/EMOTIONAL ABU|MUL",
            "SEXUAL/PHYSICAL/EMOTIONAL/NEGL|MUL", "'Multiple: Neglect, Emotional Abuse'|MUL", "NYNY|MUL", "YYYN|MUL"})
    void categoryOfAbuse(String written, String code) {
        assertThat(Codes.categoryOfAbuse(written)).contains(code);
    }

    /** Lists 6 and 8: primary need and category of need, as the code with an LA's sub-code, or the DfE label leading. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "N1 - Abuse or neglect|N1", "N1|N1", "N1a|N1", "N1a - Domestic Violence|N1", "N1.NE|N1", "'N1SD : Neglect'|N1",
            "N1  [Abuse or neglect]|N1", "N1 (Abuse or Neglect)|N1", "N1:Abuse or neglect|N1", "N1-Abuse or Neglect|N1",
            "CIN - N1 Abuse Neglect|N1", "CIN - N1a Neglect|N1", "Child N1 Abuse neglect|N1", "Abuse or Neglect - Neglect|N1",
            "'Abuse or Neglect: Domestic Violence'|N1", "Abuse or neglect [N1]|N1", "Neglect|N1", "Physical abuse|N1",
            "N2 - Child’s disability|N2", "N2  [Child’s disability]|N2", "N2 (Disability)|N2", "N2.CHIL13|N2",
            "'N2SB : Children with sensory disabilities'|N2", "Child's disability or illness|N2",
            "'Parental illness or disability: Children whose parents abuse alcohol'|N3", "N3 - Parental Illness/Disability|N3",
            "'Family in acute stress: Death of parent or carer'|N4", "UASC - N8 - Absent Parenting|N8",
            "N9 - Cases other than children in need|N9", "Cases other than Child in Need|N9", "N0 - Not stated|N0"})
    void primaryNeed(String written, String code) {
        assertThat(Codes.primaryNeed(written)).contains(code);
    }

    /** Wordings that could mean more than one code, or none, are left out rather than guessed. */
    @ParameterizedTest
    @ValueSource(strings = {"N1; N2", "N12", "Section 47", "Trilogy of Risk", "zzCodeError"})
    void primaryNeedsThatAreNotOneCode(String written) {
        assertThatThrownBy(() -> Codes.primaryNeed(written)).isInstanceOf(Values.BadValue.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bullying", "PA", "Not neglect"})
    void categoriesThatAreNotOne(String written) {
        assertThatThrownBy(() -> Codes.categoryOfAbuse(written)).isInstanceOf(Values.BadValue.class);
    }

    /** Every list: gender (sex from 2025-26) as LAs word it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a) Male|1", "1 - Male|1", "Male|1", "b) Female|2", "2 - Female|2",
            "c) Not stated/recorded (or unborn)|0", "Not stated/recorded (or unborn)|0", "0 - Not known|0", "Unborn|0",
            "Unknown / Not Recorded / Unborn|0", "d) Neither|9", "Neither|9"})
    void gender(String written, String code) {
        assertThat(Codes.gender(written)).contains(code);
    }

    /** Every list: ethnicity as a code somewhere in the value, or DfE's label. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"WBRI - White British|WBRI", "White - British [WBRI]|WBRI", "WHB - WBRI - British|WBRI",
            "'WBRI: White British'|WBRI", "White British|WBRI", "White - British|WBRI", "A1 - White British|WBRI",
            "White Irish|WIRI", "Traveller of Irish Heritage|WIRT", "Any Other White Background|WOTH", "Gypsy/Roma|WROM",
            "White and Black Caribbean|MWBC", "Mixed - White and Black African|MWBA", "White and Asian|MWAS",
            "Any other mixed background|MOTH", "Asian or Asian British - Indian|AIND", "Pakistani|APKN", "Bangladeshi|ABAN",
            "Any other Asian background|AOTH", "Black or Black British - Caribbean|BCRB", "Black African|BAFR",
            "Any other Black background|BOTH", "Chinese|CHNE", "Any other ethnic group|OOTH", "Refused|REFU",
            "Information not yet obtained|NOBT"})
    void ethnicity(String written, String code) {
        assertThat(Codes.ethnicity(written)).contains(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"WBR", "British", "White", "Mixed"})
    void ethnicitiesThatAreNotOneCode(String written) {
        assertThatThrownBy(() -> Codes.ethnicity(written)).isInstanceOf(Values.BadValue.class);
    }
}
