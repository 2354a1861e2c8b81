package kz.zhilyego.booking.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kz.zhilyego.booking.Block;
import kz.zhilyego.booking.BlockReason;
import kz.zhilyego.booking.ListingBlocks;
import kz.zhilyego.identity.AccessScopes;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Realtor blocks of a listing's dates (staff in scope). */
@RestController
@Tag(name = "Realtor: blocks", description = "Close dates for maintenance, repair, personal use or another reason")
class BlockApiController {

	private final ListingBlocks blocks;

	private final AccessScopes scopes;

	BlockApiController(ListingBlocks blocks, AccessScopes scopes) {
		this.blocks = blocks;
		this.scopes = scopes;
	}

	record BlockRequest(@NotNull LocalDate from, @NotNull LocalDate to, @NotNull BlockReason reason,
			@Nullable @Size(max = 1000) String note) {
	}

	@GetMapping("/api/v1/realtor/listings/{listingId}/blocks")
	@Operation(summary = "Active blocks of a listing")
	List<Block> list(@AuthenticationPrincipal CurrentUser user, @PathVariable long listingId) {
		return this.blocks.active(listingId, this.scopes.of(user));
	}

	@PostMapping("/api/v1/realtor/listings/{listingId}/blocks")
	@Operation(summary = "Block dates [from, to); 409 when they overlap a booking or another block")
	ResponseEntity<Block> create(@AuthenticationPrincipal CurrentUser user, @PathVariable long listingId,
			@Valid @RequestBody BlockRequest body) {
		Block block = this.blocks.create(listingId, body.from(), body.to(), body.reason(), body.note(),
				this.scopes.of(user));
		return ResponseEntity.created(URI.create("/api/v1/realtor/blocks/" + block.id())).body(block);
	}

	@DeleteMapping("/api/v1/realtor/blocks/{blockId}")
	@Operation(summary = "Remove a block and free its dates")
	ResponseEntity<Void> remove(@AuthenticationPrincipal CurrentUser user, @PathVariable long blockId) {
		this.blocks.remove(blockId, this.scopes.of(user));
		return ResponseEntity.noContent().build();
	}

}
