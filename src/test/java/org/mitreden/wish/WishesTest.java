package org.mitreden.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mitreden.jobcenter.Jobcenter;
import org.mitreden.receipt.ReceiptCode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A new wish is written with plain JDBC (see {@link Wishes#add}): it must still be part of its caller's
 * transaction where there is one, so that a submission with an idempotency key stores its wish and its record
 * together or neither.
 */
@QuarkusTest
class WishesTest {

    @Inject
    Wishes wishes;

    @Test
    void aWishAddedInATransactionIsSeenByItsEntitiesAndRolledBackWithIt() {
        Wish wish = newWish();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            wishes.add(wish);
            // Hibernate reads it before the commit: the insert ran on the transaction's own connection.
            Wish stored = Wish.findById(wish.id);
            assertThat(stored).isNotNull();
            assertThat(stored.text).isEqualTo(wish.text);
            assertThat(stored.isReleased()).isFalse();
            throw new IllegalStateException("the idempotency record could not be stored");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(find(wish.id)).isNull();
    }

    @Test
    void aWishAddedOutsideATransactionIsStoredSealedAtOnce() {
        Wish wish = newWish();
        wish.submittedByReader = true;
        try {
            wishes.add(wish);

            Wish stored = find(wish.id);
            assertThat(stored).isNotNull();
            assertThat(stored.jobcenter).isEqualTo(Jobcenter.DEFAULT);
            assertThat(stored.targetGroup).isEqualTo("PARENTS");
            assertThat(stored.topic).isEqualTo("INDIVIDUAL_SITUATION");
            assertThat(stored.language).isEqualTo("uk");
            assertThat(stored.status).isEqualTo(WishStatus.NEW);
            assertThat(stored.submittedOn).isEqualTo(wish.submittedOn);
            assertThat(stored.receiptHash).isEqualTo(wish.receiptHash);
            assertThat(stored.submittedByReader).isTrue();
            assertThat(stored.isReleased()).isFalse();
            assertThat(stored.response).isNull();
            assertThat(stored.version).isZero();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Wish.deleteById(wish.id));
        }
    }

    @Test
    void aWishThatCannotBeStoredFailsTheCall() {
        Wish wish = newWish();
        wish.topic = "NO_SUCH_TOPIC";

        assertThatThrownBy(() -> wishes.add(wish)).hasMessageContaining("could not be stored");
        assertThat(find(wish.id)).isNull();
    }

    private static Wish find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Wish.<Wish> findById(id));
    }

    private static Wish newWish() {
        Wish wish = new Wish();
        wish.id = UUID.randomUUID();
        wish.jobcenter = Jobcenter.DEFAULT;
        wish.targetGroup = "PARENTS";
        wish.topic = "INDIVIDUAL_SITUATION";
        wish.language = "uk";
        wish.text = "WishesTest " + wish.id;
        wish.status = WishStatus.NEW;
        // A week long past: whatever a release run in another test does, this wish is never in a class of today.
        wish.submittedOn = LocalDate.of(2001, 1, 1);
        wish.receiptHash = ReceiptCode.hash(ReceiptCode.generate()).orElseThrow();
        return wish;
    }
}
