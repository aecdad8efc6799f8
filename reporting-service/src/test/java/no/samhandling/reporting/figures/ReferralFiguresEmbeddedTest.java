package no.samhandling.reporting.figures;

import no.samhandling.platform.test.ServiceTest;

@ServiceTest
class ReferralFiguresEmbeddedTest extends ReferralFiguresComponentTest {
}
