package org.ticketoverflow.printing;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.ticketoverflow.web.RequestRejected;

@RestController
class PrintController {

    static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

    private final PrintDesk desk;

    PrintController(PrintDesk desk) {
        this.desk = desk;
    }

    @PostMapping("/api/v1/tickets/{id}/print")
    ResponseEntity<Void> print(@PathVariable String id) {
        desk.request(id);
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/api/v1/tickets/{id}/print")
    ResponseEntity<String> printed(@PathVariable String id) {
        String svg = desk.printed(id)
                .orElseThrow(() -> RequestRejected.notFound("Ticket " + id + " is not printed; request a print"));
        return ResponseEntity.ok().contentType(SVG).body(svg);
    }
}
