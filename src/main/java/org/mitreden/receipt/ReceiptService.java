package org.mitreden.receipt;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.mitreden.wish.Wish;

@ApplicationScoped
public class ReceiptService {

    /** The receipt for a code; empty both for malformed and for unknown codes. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Receipt> find(String code) {
        return ReceiptCode.hash(code)
                .flatMap(Wish::findByReceiptHash)
                .map(wish -> new Receipt(wish.status, wish.topic, wish.submittedOn, wish.isReleased(), wish.response,
                        wish.respondedOn));
    }
}
