package io.netfilterflow.netfilter.bridge;

/** The standard verdicts of ebtables ({@code EBT_ACCEPT}, {@code EBT_DROP}, {@code EBT_CONTINUE}, {@code EBT_RETURN}). */
public enum EbtVerdict {
    ACCEPT, DROP, CONTINUE, RETURN;

    public static EbtVerdict byName(String name) {
        for (EbtVerdict verdict : values()) {
            if (verdict.name().equals(name)) {
                return verdict;
            }
        }
        return null;
    }
}
