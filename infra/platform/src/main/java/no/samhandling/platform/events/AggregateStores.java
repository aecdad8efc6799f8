package no.samhandling.platform.events;

import org.springframework.data.mongodb.core.MongoTemplate;

/** Creates the {@link AggregateStore} for each aggregate type and tells the relay which collections to watch. */
public final class AggregateStores {

    private final MongoTemplate mongo;
    private final TraceContext traceContext;
    private final OutboxRelay relay;

    AggregateStores(MongoTemplate mongo, TraceContext traceContext, OutboxRelay relay) {
        this.mongo = mongo;
        this.traceContext = traceContext;
        this.relay = relay;
    }

    public <T extends AggregateRoot> AggregateStore<T> of(Class<T> type) {
        AggregateStore<T> store = new AggregateStore<>(mongo, type, traceContext, relay);
        relay.watch(store.collection());
        return store;
    }
}
