package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.net.Ipv4Address;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One named list of {@code xt_recent} ({@code struct recent_table}): its entries by masked address,
 * oldest first as the kernel's {@code lru_list} keeps them, each with the TTL of its last packet and
 * the number of time stamps it holds ({@code nstamps}).
 *
 * <p>The simulator has no wall clock: a scenario's packets all fall within the same instant, so
 * every stamp is younger than any {@code --seconds} and {@code --reap} finds nothing old enough to
 * remove. The size of the stamp ring ({@code nstamps_max_mask}) then never changes an answer: a
 * rule's {@code --hitcount} is never larger than the ring, so "at least N stamps" reads the count.
 */
final class RecentTable {

    /** {@code ip_list_tot}, the module's default: entries a list keeps before the oldest is dropped. */
    static final int LIST_TOT = 100;
    /** {@code XT_RECENT_MAX_NSTAMPS}: no entry holds more stamps than this. */
    static final int MAX_STAMPS = 256;

    /** {@code struct recent_entry}: the TTL of the packet that last set or updated it, and its stamps. */
    static final class Entry {
        int ttl;
        int stamps;

        private Entry(int ttl) {
            this.ttl = ttl;
            this.stamps = 1;
        }
    }

    private final Ipv4Address mask;
    private final Map<Ipv4Address, Entry> entries = new LinkedHashMap<>();

    RecentTable(Ipv4Address mask) {
        this.mask = mask;
    }

    /** {@code nf_inet_addr_mask} with the list's mask, the one the rule that created the list gave. */
    Ipv4Address masked(Ipv4Address address) {
        return new Ipv4Address(address.bits() & mask.bits());
    }

    /** {@code recent_entry_lookup}: a TTL of 0 (no {@code --rttl}) or an entry's TTL of 0 matches any. */
    Entry lookup(Ipv4Address key, int ttl) {
        Entry entry = entries.get(key);
        return entry != null && (ttl == 0 || entry.ttl == 0 || entry.ttl == ttl) ? entry : null;
    }

    /** {@code recent_entry_init}: a new entry with one stamp; a full list first drops its oldest entry. */
    void init(Ipv4Address key, int ttl) {
        if (entries.size() >= LIST_TOT) {
            Iterator<Ipv4Address> oldest = entries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        entries.put(key, new Entry(ttl));
    }

    /** {@code recent_entry_update}: one more stamp, the packet's TTL, and the entry becomes the newest. */
    void update(Ipv4Address key, Entry entry, int ttl) {
        entry.stamps = Math.min(MAX_STAMPS, entry.stamps + 1);
        entry.ttl = ttl;
        entries.remove(key);
        entries.put(key, entry);
    }

    void remove(Ipv4Address key) {
        entries.remove(key);
    }

    /** The stamps counted for {@code --hitcount}: all of them, since none is older than {@code --seconds}. */
    static boolean enoughHits(Entry entry, int hitCount) {
        return hitCount == 0 || entry.stamps >= hitCount;
    }
}
