package org.calibrate.keys.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.calibrate.keys.entity.SealedStore;
import org.calibrate.runtime.DataKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sealed columns as stored, read and written with native SQL on the raw values (the JPA converters would neither
 * show which key sealed a value nor write an attribute that did not change). A value is re-sealed only if it is still
 * what was read: a writer that sealed it afresh meanwhile wins.
 */
@ApplicationScoped
@Transactional
public class SealedValues {
    /** Values looked at per read of a store. */
    static final int PAGE = 500;

    @PersistenceContext(unitName = "calibrate")
    EntityManager em;
    @Inject
    DataKey key;

    /** A store's values: how many under each key id, plain (written before a key), and how many no held key opens. */
    public record Count(SealedStore store, long total, Map<String, Long> keys, long plain, long unreadable) {
        /** Values not under the current key. */
        public long due(Optional<String> currentKid) {
            return total - currentKid.map(k -> keys.getOrDefault(k, 0L)).orElse(0L);
        }
    }

    /** A value's id and its beginning. */
    public record Glimpse(Object id, Object prefix) {
    }

    /** What a batch did: re-sealed, could not open (with the last reason), found changed or already under the key. */
    public record Outcome(long resealed, long failed, long skipped, Optional<String> error) {
        static final Outcome NONE = new Outcome(0, 0, 0, Optional.empty());

        Outcome plus(Outcome o) {
            return new Outcome(resealed + o.resealed, failed + o.failed, skipped + o.skipped, o.error.or(() -> error));
        }
    }

    public List<Count> census() {
        List<String> held = new ArrayList<>(key.previousKids());
        key.currentKid().ifPresent(held::add);
        List<Count> counts = new ArrayList<>();
        for (SealedStore store : SealedStore.values()) {
            Map<String, Long> keys = new TreeMap<>();
            long total = 0;
            long plain = 0;
            long unreadable = 0;
            Object after = null;
            for (List<Glimpse> page = page(store, after, PAGE); !page.isEmpty(); page = page(store, after, PAGE)) {
                for (Glimpse g : page) {
                    total++;
                    SealedStore.Standing s = store.glance(g.prefix());
                    Optional<String> kid = switch (s.kind()) {
                        case SEALED -> Optional.of(s.kid());
                        case UNNAMED -> store.opener(value(store, g.id()).orElse(g.prefix()), key);
                        default -> Optional.empty();
                    };
                    kid.ifPresent(k -> keys.merge(k, 1L, Long::sum));
                    if (s.kind() == SealedStore.Standing.Kind.PLAIN) {
                        plain++;
                    } else if (kid.isEmpty() || !held.contains(kid.get())) {
                        unreadable++;
                    }
                }
                after = page.get(page.size() - 1).id();
            }
            counts.add(new Count(store, total, keys, plain, unreadable));
        }
        return counts;
    }

    /** Up to {@code max} values after {@code after} (null: from the first), in id order, by their beginnings. */
    public List<Glimpse> page(SealedStore store, Object after, int max) {
        Query q = em.createNativeQuery("select " + store.idColumn() + ", substring(" + store.column() + " from 1 for " + SealedStore.PREFIX + ") from "
                + store.table() + (after == null ? "" : " where " + store.idColumn() + " > ?") + " order by " + store.idColumn());
        if (after != null) {
            q.setParameter(1, after);
        }
        List<Glimpse> page = new ArrayList<>();
        for (Object row : q.setMaxResults(max).getResultList()) {
            Object[] r = (Object[]) row;
            if (r[1] != null) {
                page.add(new Glimpse(r[0], r[1]));
            }
        }
        return page;
    }

    /** Re-seals the text values with these ids under the current key, in this one transaction. */
    public Outcome resealTexts(SealedStore store, List<Object> ids) {
        Outcome sum = Outcome.NONE;
        for (Object id : ids) {
            Optional<Object> raw = value(store, id);
            sum = sum.plus(raw.isEmpty() ? new Outcome(0, 0, 1, Optional.empty()) : reseal(store, id, raw.get(), null));
        }
        return sum;
    }

    /** Re-seals one file under the current key, in a transaction of its own (files can be large). */
    public Outcome resealFile(Object id) {
        List<?> rows = em.createNativeQuery("select content, content_version from stored_blob where id = ?").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return new Outcome(0, 0, 1, Optional.empty());
        }
        Object[] r = (Object[]) rows.get(0);
        return reseal(SealedStore.FILES, id, r[0], ((Number) r[1]).longValue());
    }

    private Outcome reseal(SealedStore store, Object id, Object raw, Long version) {
        if (store.glance(raw).under(key.currentKid().orElseThrow())) {
            return new Outcome(0, 0, 1, Optional.empty());
        }
        Object sealed;
        try {
            sealed = store.reseal(raw, key);
        } catch (IllegalStateException e) {
            return new Outcome(0, 1, 0, Optional.of(store.table() + "." + store.column() + ": " + e.getMessage()));
        }
        int updated = version == null
                ? em.createNativeQuery("update " + store.table() + " set " + store.column() + " = ? where " + store.idColumn() + " = ? and "
                        + store.column() + " = ?").setParameter(1, sealed).setParameter(2, id).setParameter(3, raw).executeUpdate()
                : em.createNativeQuery("update stored_blob set content = ?, content_version = content_version + 1 where id = ? and content_version = ?")
                        .setParameter(1, sealed).setParameter(2, id).setParameter(3, version).executeUpdate();
        return updated == 1 ? new Outcome(1, 0, 0, Optional.empty()) : new Outcome(0, 0, 1, Optional.empty());
    }

    private Optional<Object> value(SealedStore store, Object id) {
        List<?> rows = em.createNativeQuery("select " + store.column() + " from " + store.table() + " where " + store.idColumn() + " = ?")
                .setParameter(1, id).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? Optional.empty() : Optional.of(rows.get(0));
    }
}
