package io.netfilterflow.netfilter.conntrack;

/** How a packet relates to its connection ({@code enum ip_conntrack_info}), plus untracked. */
public enum CtInfo {
    ESTABLISHED, RELATED, NEW, ESTABLISHED_REPLY, RELATED_REPLY, UNTRACKED;

    public boolean isReply() {
        return this == ESTABLISHED_REPLY || this == RELATED_REPLY;
    }

    public boolean isRelated() {
        return this == RELATED || this == RELATED_REPLY;
    }

    /** The state a {@code --ctstate}/{@code --state} test sees. */
    public String state() {
        return switch (this) {
            case NEW -> "NEW";
            case ESTABLISHED, ESTABLISHED_REPLY -> "ESTABLISHED";
            case RELATED, RELATED_REPLY -> "RELATED";
            case UNTRACKED -> "UNTRACKED";
        };
    }
}
