/// The client speaks in the models' types: whoever imports it has them too.
@_exported import TavusModels
