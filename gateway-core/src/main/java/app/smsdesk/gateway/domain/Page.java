package app.smsdesk.gateway.domain;

import java.util.List;

/**
 * One page of a listing and the number of all matches (served as {@code X-Total-Count}).
 *
 * @param items the page
 * @param total matches before limit and offset
 * @param <T> item type
 */
public record Page<T>(List<T> items, long total) {
    public Page {
        items = List.copyOf(items);
    }
}
