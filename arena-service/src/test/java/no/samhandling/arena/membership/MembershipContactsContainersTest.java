package no.samhandling.arena.membership;

import no.samhandling.platform.test.ContainerServiceTest;

@ContainerServiceTest
class MembershipContactsContainersTest extends MembershipContactsComponentTest {
}
