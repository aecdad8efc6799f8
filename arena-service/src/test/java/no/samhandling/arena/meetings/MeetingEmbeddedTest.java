package no.samhandling.arena.meetings;

import no.samhandling.platform.test.ServiceTest;

@ServiceTest
class MeetingEmbeddedTest extends MeetingComponentTest {
}
