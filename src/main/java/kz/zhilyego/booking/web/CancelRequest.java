package kz.zhilyego.booking.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kz.zhilyego.booking.CancellationReason;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/bookings/{id}/cancel}; {@code OTHER} needs a note. */
record CancelRequest(@NotNull CancellationReason reason, @Nullable @Size(max = 1000) String note) {
}
