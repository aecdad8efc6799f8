package no.samhandling.events.referral;

/**
 * The closed list of themes a referral is about, as codes on {@code ReferralSubmitted.themes}.
 * Built from the concerns the municipal plans name (Alta's intake form, Aukra's arena mandates,
 * Melhus' networks). Reports group by these codes, so a new theme is added here, never invented
 * in free text. The Norwegian labels are served by referral-service ({@code GET /themes}).
 */
public enum Theme {
    /** Learning difficulties, school performance. */
    LEARNING,
    /** Language and speech development, Norwegian as a second language. */
    LANGUAGE,
    /** Motor, cognitive or social development in early childhood. */
    DEVELOPMENT,
    /** Anxiety, low mood, self-harm, eating difficulties. */
    MENTAL_HEALTH,
    /** Illness, disability, physical health. */
    PHYSICAL_HEALTH,
    /** School or kindergarten absence. */
    ABSENCE,
    /** Bullying and the psychosocial school or kindergarten environment. */
    SCHOOL_ENVIRONMENT,
    /** Friendships, loneliness, exclusion. */
    SOCIAL_RELATIONS,
    /** Behaviour that challenges, conduct problems. */
    BEHAVIOUR,
    /** Alcohol, drugs, gaming or gambling. */
    SUBSTANCE_USE,
    /** Violence, abuse, sexual abuse, negative social control. */
    VIOLENCE_ABUSE,
    /** Neglect, lack of care. */
    NEGLECT,
    /** Parental conflict, divorce, a parent's illness or substance use. */
    FAMILY_SITUATION,
    /** Low income, housing, work and welfare of the family. */
    LIVING_CONDITIONS,
    /** Crime and the risk of it. */
    CRIME,
    /** Radicalisation and violent extremism. */
    RADICALISATION,
    /** Anything the list does not name yet; the description says what. */
    OTHER
}
