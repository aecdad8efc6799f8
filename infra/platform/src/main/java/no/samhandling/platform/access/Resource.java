package no.samhandling.platform.access;

import java.util.Objects;

/**
 * What a request is about: one resource, and the child it concerns when there is one.
 *
 * @param id the resource's own id
 * @param subjectId the child's opaque id (consent-service's subject id), or null when the resource is about no child
 */
public record Resource(ResourceKind kind, String id, String subjectId) {

    public Resource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /** The same resource, about this child. */
    public Resource about(String childSubjectId) {
        return new Resource(kind, id, childSubjectId);
    }
}
