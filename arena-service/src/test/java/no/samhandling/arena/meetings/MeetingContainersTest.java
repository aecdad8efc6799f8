package no.samhandling.arena.meetings;

import no.samhandling.platform.test.ContainerServiceTest;

@ContainerServiceTest
class MeetingContainersTest extends MeetingComponentTest {
}
