package no.samhandling.referral.leadership;

/**
 * What a system-level case is about: the kinds of "innmeldte saker vedr. rutiner, møtepunkt og
 * samarbeid" on the leadership team's fixed agenda (Giske). A closed list, so that the leaders can
 * count and prioritise; the labels, in bokmål and nynorsk, are {@code system-case.category.<CODE>}
 * in the messages and served by {@code GET /system-cases/codes}.
 */
enum SystemCaseCategory {
    /** No arena for a need, for example none for youth aged 16–18. */
    ARENA_GAP,
    /** Capacity and waiting times, for example for PPT. */
    CAPACITY,
    /** A cross-service routine is missing, unclear or does not work. */
    ROUTINE,
    /** Cooperation between services or units, including agreements and meeting points. */
    COOPERATION,
    /** Competence the services lack, for example signs of violence or substance use. */
    COMPETENCE,
    /** Digital tools for cooperation: access, use, training. */
    DIGITAL_TOOLS,
    /** Anything else; the title says what. */
    OTHER
}
