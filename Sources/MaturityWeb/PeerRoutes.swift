import Foundation
import Hummingbird
import MaturityKit
import MaturityStore

extension WebApp {
  /// Uploading and deleting peer CSVs. An upload is read with the same reader as the command
  /// line before it is kept; a bad file is refused with every problem and its line.
  func addPeerRoutes(to router: Router<WebContext>) {
    router.post("/peers") { request, context in
      var request = request
      let upload = try await PostedForm.upload(&request)
      // Read in full first: a file with bad rows is refused, not kept.
      _ = try PeerCatalogue.read(upload.content, named: upload.name, questionnaire: shelf.preferred)
      _ = try await store.addPeerSet(name: upload.name, content: upload.content)
      return Hummingbird.Response.redirect(to: "/#peers", type: .normal)
    }

    router.post("/peers/:peerSet/delete") { _, context in
      guard let id = context.parameters.get("peerSet", as: Int64.self) else { throw WebError.notFound }
      try await store.deletePeerSet(id)
      peers.forget(upload: id)
      return Hummingbird.Response.redirect(to: "/#peers", type: .normal)
    }
  }
}
