package org.calibrate.keys.control;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.calibrate.keys.entity.SealedStore;
import org.calibrate.runtime.DataKey;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Re-seals in the background, on the node an admin asked, every value the data key sealed that is not under the
 * current key (and every plain one): store by store, a page of values at a time, texts {@value #BATCH} to a
 * transaction, files one to a transaction. Running it again touches only what is still not under the key; a node that
 * dies leaves its lease to run out, and the run can be started again.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DataKeyRotation {
    private static final Logger LOG = Logger.getLogger(DataKeyRotation.class.getName());
    static final int BATCH = 100;

    @Resource
    TimerService timers;
    @Inject
    SealedValues values;
    @Inject
    ResealRuns runs;
    @Inject
    DataKey key;

    /** Works on the run started in {@code runId} as soon as its start is committed. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void begin(String runId) {
        timers.createSingleActionTimer(1, new TimerConfig(runId, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void work(Timer timer) {
        String runId = (String) timer.getInfo();
        String kid = key.currentKid().orElseThrow();
        try {
            for (SealedStore store : SealedStore.values()) {
                Object after = null;
                for (List<SealedValues.Glimpse> page = values.page(store, null, BATCH); !page.isEmpty(); page = values.page(store, after, BATCH)) {
                    after = page.get(page.size() - 1).id();
                    List<Object> due = page.stream().filter(g -> !store.glance(g.prefix()).under(kid)).map(SealedValues.Glimpse::id).toList();
                    if (due.isEmpty()) {
                        continue;
                    }
                    if (store.form() == SealedStore.Form.BYTES) {
                        for (Object id : due) {
                            if (!runs.progress(runId, values.resealFile(id))) {
                                return;
                            }
                        }
                    } else if (!runs.progress(runId, values.resealTexts(store, due))) {
                        return;
                    }
                }
            }
            runs.finish(runId, Optional.empty());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Re-sealing under data key " + kid + " stopped", e);
            runs.finish(runId, Optional.of("Stopped by an internal error (" + e.getClass().getSimpleName() + "); start it again, and see the server log."));
        }
    }
}
