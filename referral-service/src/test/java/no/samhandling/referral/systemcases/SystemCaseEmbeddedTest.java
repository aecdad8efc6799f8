package no.samhandling.referral.systemcases;

import no.samhandling.platform.test.ServiceTest;

@ServiceTest
class SystemCaseEmbeddedTest extends SystemCaseComponentTest {
}
