package no.samhandling.local;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server's H2 backend, except that a query naming every key of a unique index by plain
 * equality is answered from that index even when it names more fields. The stock server uses an
 * index only for a query whose fields are exactly the index's keys, so {@code {_id: x, municipality: m}}
 * (how every service loads an aggregate of the caller's municipality) or {@code {_id: x, version: v}}
 * (every optimistic save) read and decode every document of the collection, holding its lock against
 * every other reader and writer; under load that scan was most of the wire server's time (issue 15).
 * The index narrows the candidates to the one document that can match, and the whole query is still
 * matched against it, so the answer is the same. What the stored file holds is unchanged.
 */
final class UniqueIndexFirstH2Backend extends H2Backend {

    UniqueIndexFirstH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexFirstDatabase(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * Not static: H2Database opens its existing collections in its constructor, before a field of
     * its own could be set, so the store is taken from the backend.
     */
    private final class IndexFirstDatabase extends H2Database {

        IndexFirstDatabase(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
        }

        /**
         * Opens the index's map with {@link UniqueKeyOrder} as its key type before H2Database asks
         * the store for it by name, which then hands over this open map.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            getMvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                    new MVMap.Builder<KeyValue, Object>().keyType(new UniqueKeyOrder()));
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }

        /** As {@link H2Database} opens a collection, under the same map names, so existing files read the same. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = getMvStore().openMap("databases." + namespace);
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new IndexFirstCollection(this, collectionName, options, documents, meta, cursorRegistry);
        }
    }

    private static final class IndexFirstCollection extends H2Collection {

        IndexFirstCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> documents,
                MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, documents, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
            Document equalities = equalities(query);
            for (Index<Object> index : getIndexes()) {
                Document byIndex = index.isUnique() ? onKeys(index, equalities) : null;
                if (byIndex != null && index.canHandle(byIndex)) {
                    return matchDocuments(query, index.getPositions(byIndex), orderBy, skip, limit, batchSize, fieldSelector);
                }
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }

        /**
         * The fields a query requires to equal a plain value: its own, and those of the clauses of a
         * top-level {@code $and} (the Java driver's {@code Filters.and} always writes one).
         */
        private static Document equalities(Document query) {
            Document equalities = new Document();
            addEqualities(query, equalities);
            if (query.get("$and") instanceof Collection<?> clauses) {
                for (Object clause : clauses) {
                    if (clause instanceof Document document) {
                        addEqualities(document, equalities);
                    }
                }
            }
            return equalities;
        }

        private static void addEqualities(Document from, Document to) {
            from.forEach((field, value) -> {
                if (!field.startsWith("$") && isPlainValue(value)) {
                    to.put(field, value);
                }
            });
        }

        /**
         * The equalities on the unique index's keys, when the query names all of them; null otherwise.
         * A query of exactly the keys never gets here: the stock planner answers it from the index.
         */
        private static Document onKeys(Index<Object> index, Document equalities) {
            Document byIndex = new Document();
            for (IndexKey key : index.getKeys()) {
                Object value = equalities.get(key.getKey());
                if (value == null) {
                    return null;
                }
                byIndex.put(key.getKey(), value);
            }
            return byIndex;
        }

        /** An operator, a sub-document, an array, a pattern or null do not name one key value. */
        private static boolean isPlainValue(Object value) {
            return value != null && !(value instanceof Document) && !(value instanceof Collection<?>)
                    && !(value instanceof Object[]) && !(value instanceof Pattern) && !(value instanceof BsonRegularExpression);
        }
    }
}
